package io.strongroom.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.BlockingOutputStreamAsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.CancellableOutputStream;

/**
 * A bucket on AWS S3 or an S3-compatible server, through the AWS SDK v2's own multipart
 * support ({@code multipartEnabled}): uploads of unknown length stream through a bounded
 * buffer, the SDK splits them into parts and aborts the multipart upload when they fail.
 * Checksums are computed only where S3 requires them, so S3-compatible servers don't
 * store the SDK's chunk framing inside objects.
 */
public final class S3BackupStore implements BackupStore {

	static final long MIB = 1024L * 1024;

	/** Smallest part we use; S3's own minimum is 5 MiB. */
	static final long MIN_PART_SIZE = 8 * MIB;

	/** S3's largest part. */
	static final long MAX_PART_SIZE = 5L * 1024 * MIB;

	/** Parts we aim for at the expected size: S3 allows 10,000, the rest is margin. */
	static final long TARGET_PARTS = 9_000;

	/** What we plan for when the caller cannot estimate the size. */
	static final long UNKNOWN_SIZE_PLAN = 128L * 1024 * MIB;

	/**
	 * Parts buffered or on the wire at once: the upload's memory is about this many times
	 * the part size. Not fewer: with room for only two parts (the least the SDK accepts)
	 * an upload of unknown length stalls for good once two parts are written (SDK
	 * 2.54.13, measured in docs/benchmarks.md).
	 */
	public static final int PARTS_IN_FLIGHT = 3;

	private final S3Destination destination;

	private final AwsCredentialsProvider credentials;

	private final EventLoopGroup eventLoop;

	private final SdkAsyncHttpClient http;

	private final ConcurrentMap<Long, S3AsyncClient> clients = new ConcurrentHashMap<>();

	/** Only verification and downloads presign; built on first use. */
	private @Nullable S3Presigner presigner;

	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

	/** S3 lists at most 1,000 uploads a page; tests lower it to walk the pages. */
	private int uploadsPerPage = 1000;

	public S3BackupStore(S3Destination destination) {
		this.destination = destination;
		this.credentials = (destination.accessKeyId() != null)
				? StaticCredentialsProvider
					.create(AwsBasicCredentials.create(destination.accessKeyId(), destination.secretAccessKey()))
				: DefaultCredentialsProvider.builder().build();
		// Our own event loop, so close() need not wait out netty's two-second quiet
		// period
		this.eventLoop = new NioEventLoopGroup(2);
		this.http = NettyNioAsyncHttpClient.builder()
			.eventLoopGroup(SdkEventLoopGroup.create(this.eventLoop))
			.maxConcurrency(PARTS_IN_FLIGHT + 5)
			.connectionTimeout(Duration.ofSeconds(10))
			.connectionAcquisitionTimeout(Duration.ofMinutes(2))
			.readTimeout(Duration.ofMinutes(2))
			.writeTimeout(Duration.ofMinutes(2))
			.build();
	}

	private synchronized S3Presigner presigner() {
		if (this.presigner == null) {
			S3Presigner.Builder builder = S3Presigner.builder()
				.region(Region.of(this.destination.region()))
				.credentialsProvider(this.credentials)
				.serviceConfiguration(
						S3Configuration.builder().pathStyleAccessEnabled(this.destination.pathStyle()).build());
			if (this.destination.endpoint() != null) {
				builder.endpointOverride(this.destination.endpoint());
			}
			this.presigner = builder.build();
		}
		return this.presigner;
	}

	/**
	 * The part size for an object of about {@code expectedBytes}: at least 8 MiB, and
	 * large enough that the object stays under S3's 10,000 parts (9,000 at the expected
	 * size, so an estimate that is 10% short still fits; 5 TB gives 583 MB parts).
	 */
	public static long partSize(long expectedBytes) {
		long plan = (expectedBytes < 0) ? UNKNOWN_SIZE_PLAN : expectedBytes;
		long size = (plan + TARGET_PARTS - 1) / TARGET_PARTS;
		size = ((size + MIB - 1) / MIB) * MIB;
		return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, size));
	}

	/**
	 * The heap an upload of about {@code expectedBytes} buffers at most: its parts in
	 * flight. Above ~75 GB parts grow past 8 MiB (S3 allows 10,000 parts), and so does
	 * this.
	 */
	public static long uploadBufferBytes(long expectedBytes) {
		return partSize(expectedBytes) * PARTS_IN_FLIGHT;
	}

	/** The SDK's multipart client for uploads (and copies) with this part size. */
	private S3AsyncClient client(long partSize) {
		return this.clients.computeIfAbsent(partSize, this::buildClient);
	}

	/** A client without multipart, for single requests. */
	private S3AsyncClient client() {
		return this.clients.computeIfAbsent(0L, this::buildClient);
	}

	/**
	 * Replaces an object's metadata by copying it onto itself, server-side: one request
	 * up to S3's 5 GiB copy limit, the SDK's multipart copy above it.
	 */
	private void replaceMetadata(String key, long size, Map<String, String> metadata) {
		String bucket = this.destination.bucket();
		S3AsyncClient copier = (size <= MAX_PART_SIZE) ? client() : client(partSize(size));
		copier
			.copyObject((copy) -> copy.sourceBucket(bucket)
				.sourceKey(key)
				.destinationBucket(bucket)
				.destinationKey(key)
				.metadataDirective(MetadataDirective.REPLACE)
				.metadata(metadata))
			.join();
	}

	private S3AsyncClient buildClient(long partSize) {
		S3AsyncClientBuilder builder = S3AsyncClient.builder()
			.httpClient(this.http)
			.region(Region.of(this.destination.region()))
			.credentialsProvider(this.credentials)
			.forcePathStyle(this.destination.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (partSize > 0) {
			builder.multipartEnabled(true)
				.multipartConfiguration((multipart) -> multipart.minimumPartSizeInBytes(partSize)
					.thresholdInBytes(partSize)
					.apiCallBufferSizeInBytes(partSize * PARTS_IN_FLIGHT));
		}
		if (this.destination.endpoint() != null) {
			builder.endpointOverride(this.destination.endpoint());
		}
		return builder.build();
	}

	@Override
	public void checkAccess() {
		String bucket = this.destination.bucket();
		try {
			this.client().headBucket((request) -> request.bucket(bucket)).join();
		}
		catch (RuntimeException ex) {
			StorageException failure = translate(ex, "reach bucket '" + bucket + "'");
			if (failure.reason() == StorageException.Reason.NOT_FOUND) {
				throw noSuchBucket(failure);
			}
			throw failure;
		}
	}

	@Override
	public Upload startUpload(String key, Map<String, String> metadata, long expectedBytes) {
		return new S3Upload(Keys.checkKey(key), Keys.checkMetadata(metadata), client(partSize(expectedBytes)));
	}

	@Override
	public StoredObject put(String key, byte[] content, Map<String, String> metadata) {
		Keys.checkKey(key);
		Map<String, String> checked = Keys.checkMetadata(metadata);
		try {
			client().putObject((request) -> request.bucket(this.destination.bucket()).key(key).metadata(checked),
					// the caller's array, not a copy: a whole backup may pass through
					// here
					AsyncRequestBody.fromBytesUnsafe(content))
				.join();
		}
		catch (RuntimeException ex) {
			throw translate(ex, "write '" + key + "'");
		}
		return head(key).orElseThrow(() -> new StorageException(StorageException.Reason.OTHER,
				"S3 accepted '" + key + "' but does not show it"));
	}

	@Override
	public InputStream get(String key) {
		Keys.checkKey(key);
		try {
			return client()
				.getObject((request) -> request.bucket(this.destination.bucket()).key(key),
						AsyncResponseTransformer.toBlockingInputStream())
				.join();
		}
		catch (RuntimeException ex) {
			StorageException failure = translate(ex, "read '" + key + "'");
			if (failure.reason() == StorageException.Reason.NOT_FOUND) {
				throw new StorageException(StorageException.Reason.NOT_FOUND,
						"There is no object '" + key + "' in bucket '" + this.destination.bucket() + "'", failure);
			}
			throw failure;
		}
	}

	@Override
	public Optional<StoredObject> head(String key) {
		Keys.checkKey(key);
		try {
			HeadObjectResponse response = client()
				.headObject((request) -> request.bucket(this.destination.bucket()).key(key))
				.join();
			return Optional
				.of(new StoredObject(key, response.contentLength(), response.lastModified(), response.metadata()));
		}
		catch (RuntimeException ex) {
			StorageException failure = translate(ex, "look up '" + key + "'");
			if (failure.reason() != StorageException.Reason.NOT_FOUND) {
				throw failure;
			}
			// HEAD has no body to tell a missing key from a missing bucket
			checkAccess();
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) {
		Keys.checkKey(key);
		try {
			client().deleteObject((request) -> request.bucket(this.destination.bucket()).key(key)).join();
		}
		catch (RuntimeException ex) {
			StorageException failure = translate(ex, "delete '" + key + "'");
			if (failure.reason() != StorageException.Reason.NOT_FOUND) {
				throw failure;
			}
		}
	}

	@Override
	public List<StoredObject> list(String prefix) {
		List<StoredObject> objects = new ArrayList<>();
		String token = null;
		try {
			do {
				String continuation = token;
				ListObjectsV2Response page = client()
					.listObjectsV2((request) -> request.bucket(this.destination.bucket())
						.prefix(prefix)
						.continuationToken(continuation))
					.join();
				page.contents()
					.forEach((object) -> objects
						.add(new StoredObject(object.key(), object.size(), object.lastModified(), Map.of())));
				token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
			}
			while (token != null);
		}
		catch (RuntimeException ex) {
			throw translate(ex, "list '" + prefix + "'");
		}
		objects.sort(Comparator.comparing(StoredObject::key));
		return objects;
	}

	@Override
	public URI presignedGet(String key, Duration ttl) {
		Keys.checkKey(key);
		try {
			return presigner()
				.presignGetObject((request) -> request.signatureDuration(ttl)
					.getObjectRequest((get) -> get.bucket(this.destination.bucket()).key(key)))
				.url()
				.toURI();
		}
		catch (URISyntaxException ex) {
			throw new StorageException(StorageException.Reason.OTHER, "The presigned URL is not a valid URI", ex);
		}
	}

	@Override
	public int abortUnfinishedUploads(String prefix, String keyContains) {
		String bucket = this.destination.bucket();
		int aborted = 0;
		String keyMarker = null;
		String uploadIdMarker = null;
		try {
			while (true) {
				String key = keyMarker;
				String upload = uploadIdMarker;
				ListMultipartUploadsResponse page = client()
					.listMultipartUploads((request) -> request.bucket(bucket)
						.prefix(prefix)
						.keyMarker(key)
						.uploadIdMarker(upload)
						.maxUploads(this.uploadsPerPage))
					.join();
				for (MultipartUpload pending : page.uploads()) {
					if (pending.key().contains(keyContains) && abort(pending.key(), pending.uploadId())) {
						aborted++;
					}
				}
				if (!Boolean.TRUE.equals(page.isTruncated())) {
					return aborted;
				}
				keyMarker = page.nextKeyMarker();
				uploadIdMarker = page.nextUploadIdMarker();
			}
		}
		catch (RuntimeException ex) {
			throw translate(ex, "list unfinished uploads under '" + prefix + "'");
		}
	}

	void uploadsPerPage(int uploadsPerPage) {
		this.uploadsPerPage = uploadsPerPage;
	}

	/** Aborts one multipart upload; false when it was already gone. */
	private boolean abort(String key, String uploadId) {
		try {
			client()
				.abortMultipartUpload(
						(request) -> request.bucket(this.destination.bucket()).key(key).uploadId(uploadId))
				.join();
			return true;
		}
		catch (RuntimeException ex) {
			StorageException failure = translate(ex, "abort the upload of '" + key + "'");
			if (failure.reason() != StorageException.Reason.NOT_FOUND) {
				throw failure;
			}
			return false;
		}
	}

	/**
	 * Multipart uploads still pending under exactly {@code key}. The store's own clean-up
	 * uses it; tests use it to prove that nothing was left.
	 */
	public List<String> pendingUploads(String key) {
		List<String> ids = new ArrayList<>();
		try {
			ListMultipartUploadsResponse response = client()
				.listMultipartUploads((request) -> request.bucket(this.destination.bucket()).prefix(key))
				.join();
			for (MultipartUpload upload : response.uploads()) {
				if (upload.key().equals(key)) {
					ids.add(upload.uploadId());
				}
			}
		}
		catch (RuntimeException ex) {
			throw translate(ex, "list pending uploads of '" + key + "'");
		}
		return ids;
	}

	@Override
	public void close() {
		if (this.closed.getAndSet(true)) {
			return;
		}
		this.clients.values().forEach(S3AsyncClient::close);
		this.http.close();
		synchronized (this) {
			if (this.presigner != null) {
				this.presigner.close();
			}
		}
		this.eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}

	@Override
	public String toString() {
		return "s3://" + this.destination.bucket() + where();
	}

	private StorageException noSuchBucket(Throwable cause) {
		return new StorageException(StorageException.Reason.NO_SUCH_BUCKET, "Bucket '" + this.destination.bucket()
				+ "' does not exist" + where() + ". Create it, or correct the bucket name.", cause);
	}

	private String where() {
		return (this.destination.endpoint() != null) ? " at " + this.destination.endpoint()
				: " in region " + this.destination.region();
	}

	StorageException translate(Throwable thrown, String action) {
		Throwable cause = unwrap(thrown);
		if (cause instanceof StorageException storage) {
			return storage;
		}
		if (cause instanceof S3Exception s3) {
			int status = s3.statusCode();
			String code = (s3.awsErrorDetails() != null) ? s3.awsErrorDetails().errorCode() : null;
			String said = (s3.awsErrorDetails() != null && s3.awsErrorDetails().errorMessage() != null)
					? s3.awsErrorDetails().errorMessage() : "HTTP " + status;
			String detail = " (S3 says: " + ((code != null) ? code + ": " : "") + said + ")";
			if ("NoSuchBucket".equals(code)) {
				return noSuchBucket(s3);
			}
			if ((code != null && WRONG_REGION_CODES.contains(code)) || status == 301) {
				return new StorageException(StorageException.Reason.WRONG_REGION,
						"Bucket '" + this.destination.bucket() + "' is not in region '" + this.destination.region()
								+ "'" + detail + ". Set the bucket's own region.",
						s3);
			}
			if ((code != null && ACCESS_DENIED_CODES.contains(code)) || status == 403) {
				return new StorageException(StorageException.Reason.ACCESS_DENIED,
						"S3 refused to " + action + " in bucket '" + this.destination.bucket() + "'" + detail
								+ ". Check the access key id, the secret access key and the bucket policy.",
						s3);
			}
			if ("NoSuchKey".equals(code) || status == 404) {
				return new StorageException(StorageException.Reason.NOT_FOUND,
						"Cannot " + action + ": not found" + detail, s3);
			}
			return new StorageException(StorageException.Reason.OTHER,
					"S3 failed to " + action + " in bucket '" + this.destination.bucket() + "'" + detail, s3);
		}
		if (cause instanceof SdkClientException client) {
			return new StorageException(StorageException.Reason.OTHER,
					"Cannot " + action + where() + ": " + client.getMessage(), client);
		}
		if (cause instanceof CancellationException) {
			return new StorageException(StorageException.Reason.OTHER, "Cancelled: " + action, cause);
		}
		return new StorageException(StorageException.Reason.OTHER, "Cannot " + action + ": " + cause, cause);
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable cause = thrown;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException
				|| (cause instanceof IOException && cause.getCause() instanceof StorageException))
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		// the SDK wraps a server's answer in a client exception when retries ran out
		if (cause instanceof SdkClientException && cause.getCause() instanceof S3Exception s3) {
			return s3;
		}
		return cause;
	}

	private static final Set<String> WRONG_REGION_CODES = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
			"IllegalLocationConstraintException");

	private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "InvalidAccessKeyId",
			"SignatureDoesNotMatch", "AllAccessDisabled", "InvalidToken", "ExpiredToken", "AccountProblem",
			"InvalidSecurity");

	/** One upload through the SDK's multipart client, from a blocking output stream. */
	private final class S3Upload implements Upload {

		private final String key;

		private final Map<String, String> metadata;

		private final S3AsyncClient client;

		private final CompletableFuture<?> future;

		private final CancellableOutputStream sdkStream;

		private final OutputStream stream;

		private volatile long written;

		private volatile boolean finished;

		private volatile boolean completed;

		private volatile boolean cleanedUp;

		private volatile boolean objectMayExist;

		/** Guards {@link #writer}, {@link #unblocked} and {@link #interruptedByUs}. */
		private final Object writerLock = new Object();

		private @Nullable Thread writer;

		private boolean unblocked;

		private boolean interruptedByUs;

		S3Upload(String key, Map<String, String> metadata, S3AsyncClient client) {
			this.key = key;
			this.metadata = metadata;
			this.client = client;
			BlockingOutputStreamAsyncRequestBody body = BlockingOutputStreamAsyncRequestBody.builder()
				.subscribeTimeout(Duration.ofMinutes(1))
				.build();
			this.future = client.putObject(
					(request) -> request.bucket(S3BackupStore.this.destination.bucket()).key(key).metadata(metadata),
					body);
			try {
				this.sdkStream = body.outputStream();
			}
			catch (RuntimeException ex) {
				this.future.cancel(true);
				throw translate(this.future.isCompletedExceptionally() ? failure() : ex, "upload '" + key + "'");
			}
			this.stream = new UploadStream();
			// A failed upload stops asking for bytes, and the SDK's stream would then
			// block its writer for ever.
			this.future.whenComplete((response, failure) -> {
				if (failure != null) {
					unblockWriter();
				}
			});
		}

		/** Runs a call into the SDK's stream so that a failure or an abort can end it. */
		private void blocking(IoCall call) throws IOException {
			synchronized (this.writerLock) {
				if (this.unblocked) {
					throw new IOException("The upload of '" + this.key + "' was stopped");
				}
				this.writer = Thread.currentThread();
			}
			try {
				call.run();
			}
			finally {
				synchronized (this.writerLock) {
					this.writer = null;
					if (this.interruptedByUs) {
						this.interruptedByUs = false;
						Thread.interrupted();
					}
				}
			}
		}

		private void unblockWriter() {
			synchronized (this.writerLock) {
				this.unblocked = true;
				if (this.writer != null) {
					this.interruptedByUs = true;
					this.writer.interrupt();
				}
			}
		}

		@Override
		public OutputStream stream() {
			return this.stream;
		}

		@Override
		public long bytesWritten() {
			return this.written;
		}

		@Override
		public synchronized StoredObject complete(Map<String, String> metadata) {
			if (this.finished) {
				throw new IllegalStateException("The upload of '" + this.key + "' is already finished");
			}
			Map<String, String> finalMetadata = Keys.checkMetadata(metadata);
			try {
				blocking(this.sdkStream::close);
				this.future.join();
				if (!finalMetadata.equals(this.metadata)) {
					// S3 takes metadata when an upload starts; the checksums are known
					// only at the end
					replaceMetadata(this.key, this.written, finalMetadata);
				}
				StoredObject stored = head(this.key)
					.orElseThrow(() -> new StorageException(StorageException.Reason.OTHER,
							"S3 completed '" + this.key + "' but does not show it"));
				this.finished = true;
				this.completed = true;
				return stored;
			}
			catch (IOException | RuntimeException ex) {
				StorageException failure = translate(this.future.isCompletedExceptionally() ? failure() : ex,
						"upload '" + this.key + "'");
				// the object exists only if the upload itself went through
				this.objectMayExist = this.future.isDone() && !this.future.isCompletedExceptionally();
				try {
					cleanUp();
				}
				catch (StorageException cleanUpFailure) {
					failure.addSuppressed(cleanUpFailure);
				}
				throw failure;
			}
		}

		/**
		 * Removes what the upload wrote. When the server cannot be reached this throws,
		 * and calling it again later retries.
		 */
		@Override
		public synchronized void abort() {
			if (this.completed || this.cleanedUp) {
				return;
			}
			cleanUp();
		}

		private void cleanUp() {
			this.finished = true;
			this.sdkStream.cancel();
			unblockWriter();
			try {
				this.future.get(1, TimeUnit.MINUTES);
				// the object was written: it must go
				this.objectMayExist = true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | CancellationException | TimeoutException ex) {
				// failed or cancelled: the SDK aborts its multipart upload; we check
				// below
			}
			try {
				if (this.objectMayExist) {
					delete(this.key);
				}
				// A CreateMultipartUpload still on the wire when we cancelled escapes the
				// SDK's own abort, so look twice.
				abortPending();
				sleepQuietly(Duration.ofMillis(500));
				abortPending();
			}
			catch (StorageException ex) {
				// nothing can remain in a bucket that does not exist
				if (ex.reason() != StorageException.Reason.NO_SUCH_BUCKET) {
					throw ex;
				}
			}
			this.cleanedUp = true;
		}

		private void abortPending() {
			String bucket = S3BackupStore.this.destination.bucket();
			for (String id : pendingUploads(this.key)) {
				try {
					this.client.abortMultipartUpload((request) -> request.bucket(bucket).key(this.key).uploadId(id))
						.join();
				}
				catch (RuntimeException ex) {
					StorageException failure = translate(ex, "abort the upload of '" + this.key + "'");
					if (failure.reason() != StorageException.Reason.NOT_FOUND) {
						throw failure;
					}
				}
			}
		}

		private Throwable failure() {
			try {
				this.future.getNow(null);
				return new CancellationException("upload stopped");
			}
			catch (RuntimeException ex) {
				return ex;
			}
		}

		/** Counts bytes and turns the SDK's failures into storage failures. */
		private final class UploadStream extends OutputStream {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				if (S3Upload.this.finished) {
					throw new IOException("The upload of '" + S3Upload.this.key + "' is finished");
				}
				try {
					blocking(() -> S3Upload.this.sdkStream.write(bytes, offset, length));
				}
				catch (IOException | RuntimeException ex) {
					StorageException failure = translate(
							S3Upload.this.future.isCompletedExceptionally() ? failure() : ex,
							"upload '" + S3Upload.this.key + "'");
					throw new IOException(failure.getMessage(), failure);
				}
				S3Upload.this.written += length;
			}

		}

	}

	@FunctionalInterface
	private interface IoCall {

		void run() throws IOException;

	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
