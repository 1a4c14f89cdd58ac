package io.eventcommerce.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: 0 in the options means "any free one". */
public final class Ports {

    private Ports() {
    }

    public static int resolve(int port) {
        return port == 0 ? free() : port;
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("No free port on loopback", e);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails early with a clear message when a fixed port is taken, instead of a bind error in some log. */
    public static void requireFree(int port, String what) {
        if (isOpen(port)) {
            throw new StackException("Port " + port + " for " + what + " is already in use (is the platform "
                    + "already running? try './platformctl status')");
        }
    }
}
