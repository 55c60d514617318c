package io.strongroom.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server, to make that server "go away" midway and come back on
 * the same address without losing its state (S3Mock forgets pending multipart uploads
 * when it restarts).
 */
public final class TcpProxy implements AutoCloseable {

	private final int port;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	public TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.port = S3MockServer.freePort();
		start();
	}

	public int port() {
		return this.port;
	}

	/** Accepts connections (again). */
	public synchronized void start() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Refuses new connections and cuts every open one, as a crashed server would. */
	public synchronized void stop() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// already closed
		}
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
		this.sockets.clear();
	}

	@Override
	public void close() {
		stop();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				relay(client, target);
				relay(target, client);
			}
			catch (IOException ex) {
				// closed by stop()
			}
		}
	}

	private void relay(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// already closed
				}
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "tcp-proxy-relay");
		thread.setDaemon(true);
		thread.start();
	}

}
