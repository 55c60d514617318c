package io.strongroom.run;

/**
 * The destination cannot make a download link (a filesystem folder, or none any more).
 */
public class DownloadUnavailableException extends RuntimeException {

	public DownloadUnavailableException(String message) {
		super(message);
	}

}
