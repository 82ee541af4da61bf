package io.amiboot.client;

/**
 * One message as {@link AmiFrameDecoder} found it: its bytes, and where each header's name and value lie in them
 * (four offsets per header: name start, name end, value start, value end).
 */
record AmiFrame(byte[] data, int[] bounds, int count) {
}
