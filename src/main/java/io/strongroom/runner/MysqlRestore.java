package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loads a SQL dump with the {@code mariadb} (or {@code mysql}) client. mariadb-dump's
 * first line (the sandbox-mode comment, see {@link MysqlDumpCommand#SANDBOX_LINE}) is a
 * client command that MySQL's client and MariaDB clients before 10.5.25 reject; it is
 * removed here and, where the client knows it, {@code --sandbox} passed instead, which is
 * what the line asked for: the client refuses shell and file commands hidden in the dump.
 */
final class MysqlRestore implements DatabaseRestore {

	private static final byte[] SANDBOX = MysqlDumpCommand.SANDBOX_LINE.getBytes(StandardCharsets.US_ASCII);

	private final List<Path> clientDirectories;

	MysqlRestore() {
		this(List.of());
	}

	MysqlRestore(List<Path> clientDirectories) {
		this.clientDirectories = List.copyOf(clientDirectories);
	}

	@Override
	public void restore(InputStream plainDump, DatabaseUrl target) throws RunnerFailure {
		String serverVersion;
		try (Connection connection = Jdbc.connect(target)) {
			serverVersion = MysqlDump.serverVersion(connection);
			MysqlDump.requireDatabase(connection, target);
		}
		catch (SQLException ex) {
			throw DumpFailures.fromSql(ex, target, "connecting");
		}
		List<Path> directories = MysqlClients.directoriesOrDefault(this.clientDirectories);
		ClientBinary client = MysqlClients.pick("mariadb or mysql", serverVersion,
				ClientBinary.discover(directories, MysqlClients.CLIENTS), directories);
		String tool = client.path().getFileName().toString();
		try (PrivateFiles files = PrivateFiles.create()) {
			BufferedInputStream in = new BufferedInputStream(plainDump, 64 * 1024);
			skipSandboxLine(in);
			Path defaults = files.write("my.cnf", MysqlDumpCommand.defaultsFile(target));
			List<String> command = MysqlDumpCommand.restore(client, target, defaults, supportsSandbox(client));
			ToolProcess process = ToolProcess
				.start(ToolProcess.builder(command, MysqlDumpCommand.environment(files.directory())), tool);
			ToolRestores.run(tool, process, in, target);
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.RESTORE_FAILED, "Could not start " + tool + ": " + ex.getMessage(), ex);
		}
	}

	/** Consumes the sandbox line (and its line end) if the dump starts with it. */
	static boolean skipSandboxLine(BufferedInputStream in) throws IOException {
		in.mark(SANDBOX.length + 4);
		byte[] start = in.readNBytes(SANDBOX.length);
		if (!Arrays.equals(start, SANDBOX)) {
			in.reset();
			return false;
		}
		// the rest of the line: mariadb-dump writes a space before the newline
		in.mark(4);
		int c;
		while ((c = in.read()) == ' ' || c == '\r') {
			in.mark(4);
		}
		if (c != '\n' && c >= 0) {
			in.reset();
		}
		return true;
	}

	/**
	 * Whether this client has {@code --sandbox} (MariaDB 10.5.25, 10.6.18, 10.11.8,
	 * 11.0.6 and later).
	 */
	static boolean supportsSandbox(ClientBinary client) {
		if (!MysqlClients.isMariaDb(client)) {
			return false;
		}
		try {
			Process process = ToolProcess.builder(List.of(client.path().toString(), "--help"), Map.of())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			return help.contains("--sandbox");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
