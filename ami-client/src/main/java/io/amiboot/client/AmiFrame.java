package io.amiboot.client;

/**
 * One message as {@link AmiFrameDecoder} found it: its bytes, every header line with its line end, without the
 * blank line that closed it, and where its first line ends (before its CR or LF). Where the other headers lie is
 * left to {@link AmiHeaders}, off the event loop.
 */
record AmiFrame(byte[] data, int firstLineEnd) {
}
