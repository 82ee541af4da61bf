package io.amiboot.test.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One connection to the scripted peer, served on its own thread: the banner, then each action read is
 * recorded and answered, until the client or the test closes it, or Asterisk would (after {@code Logoff}, and
 * after a {@code Login} answered with an error).
 */
final class ScriptedSession implements Runnable {

    private final Socket socket;

    private final ScriptedAnswers answers;

    private final ScriptedRecording recording;

    private final Consumer<ScriptedSession> onClosed;

    ScriptedSession(Socket socket, ScriptedAnswers answers, ScriptedRecording recording, Consumer<ScriptedSession> onClosed) {
        this.socket = socket;
        this.answers = answers;
        this.recording = recording;
        this.onClosed = onClosed;
    }

    @Override
    public void run() {
        try (socket) {
            if (!answers.silent()) {
                write((answers.banner() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(recording.recording(socket.getInputStream()), StandardCharsets.UTF_8));
            Map<String, String> action;
            while ((action = AmiProbe.readMessage(in)) != null) {
                recording.action(action);
                if (answers.silent()) {
                    continue;
                }
                String name = action.getOrDefault("Action", "");
                String reply = answers.answer(name, action);
                write(reply.getBytes(StandardCharsets.UTF_8));
                if (name.equalsIgnoreCase("Logoff") || name.equalsIgnoreCase("Login") && reply.startsWith("Response: Error")) {
                    return;
                }
            }
        }
        catch (IOException closed) {
            // closed by the test or by the client
        }
        finally {
            onClosed.accept(this);
        }
    }

    /** Writes {@code bytes} as they are (whole, even when the session's thread writes an answer meanwhile). */
    void write(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return;
        }
        OutputStream out = socket.getOutputStream();
        synchronized (socket) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Closes the connection, as a crashed Asterisk would. */
    void close() throws IOException {
        socket.close();
    }
}
