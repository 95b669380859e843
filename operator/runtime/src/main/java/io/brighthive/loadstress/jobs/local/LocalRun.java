package io.brighthive.loadstress.jobs.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory of one local job run, the only record of it: the operator keeps nothing in memory,
 * so a restarted operator sees exactly what the previous one saw.
 *
 * <ul>
 *   <li>{@value #REQUEST}: client token, arguments and the full command, written before anything runs
 *   <li>{@value #LAUNCHING}: written just before the process starts, so a crash in between never starts it twice
 *   <li>{@value #STATE}: pid and start time of the process
 *   <li>{@value #LOG}: the job's stdout and stderr
 *   <li>{@value #EXIT_CODE}: written by the wrapper shell when the job ends, with or without the operator
 *   <li>{@value #CANCEL}: when cancellation was asked for, and the processes it stopped
 * </ul>
 */
final class LocalRun {
  static final String REQUEST = "run.json";
  static final String LAUNCHING = "launching";
  static final String STATE = "state.json";
  static final String LOG = "job.log";
  static final String EXIT_CODE = "exit-code";
  static final String CANCEL = "cancel.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TAIL_BYTES = 16 * 1024;

  record Request(String jobRunId, String clientToken, String name, List<String> arguments, List<String> command, String queuedAt) {}

  record Launch(ProcessRef process, String startedAt) {}

  record Cancel(String requestedAt, List<ProcessRef> processes) {}

  private final Path dir;

  LocalRun(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates the run with its request in one atomic step (a rename of a complete directory); false
   * when a run of that id already exists. Callers hold the operator-wide lock of {@link LocalJobs}.
   */
  static boolean create(Path dir, Request request) {
    try {
      if (Files.exists(dir)) {
        return false;
      }
      Files.createDirectories(dir.getParent());
      Path staging = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + "-");
      Files.writeString(staging.resolve(REQUEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(request));
      try {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (FileSystemException e) {
        Files.deleteIfExists(staging.resolve(REQUEST));
        Files.deleteIfExists(staging);
        if (Files.exists(dir)) {
          return false;
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record job run " + dir, e);
    }
  }

  Path dir() {
    return dir;
  }

  String id() {
    return dir.getFileName().toString();
  }

  boolean exists() {
    return Files.isRegularFile(dir.resolve(REQUEST));
  }

  Request request() {
    return read(REQUEST, Request.class).orElseThrow(() -> new IllegalStateException(dir + " holds no " + REQUEST));
  }

  boolean launching() {
    return Files.exists(dir.resolve(LAUNCHING));
  }

  Optional<Launch> launch() {
    return read(STATE, Launch.class);
  }

  Optional<Cancel> cancel() {
    return read(CANCEL, Cancel.class);
  }

  /** Empty while the job runs, and when the wrapper never got to write it (killed, or the machine stopped). */
  Optional<Integer> exitCode() {
    try {
      String text = Files.readString(dir.resolve(EXIT_CODE)).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("unreadable " + dir.resolve(EXIT_CODE) + ": " + e.getMessage(), e);
    }
  }

  /** Neither started nor cancelled. */
  boolean queued() {
    return !launching() && launch().isEmpty() && cancel().isEmpty() && exitCode().isEmpty();
  }

  /** Processes of this run that still run: the job, or what a cancellation is still stopping. */
  List<ProcessHandle> liveProcesses() {
    List<ProcessHandle> live = new ArrayList<>();
    launch().flatMap(l -> l.process().live()).ifPresent(live::add);
    cancel().ifPresent(c -> c.processes().forEach(p -> p.live().filter(h -> !live.contains(h)).ifPresent(live::add)));
    return live;
  }

  void markLaunching() {
    write(LAUNCHING, "");
  }

  void recordLaunch(Launch launch) {
    writeJson(STATE, launch);
  }

  void recordCancel(Cancel cancel) {
    writeJson(CANCEL, cancel);
  }

  /** The wrapper could not even start: the run ends as a failure with the reason in its log. */
  void recordStartFailure(String reason) {
    write(LOG, reason + "\n");
    write(EXIT_CODE, "127\n");
  }

  Path log() {
    return dir.resolve(LOG);
  }

  Optional<Instant> modified(String file) {
    try {
      return Optional.of(Files.getLastModifiedTime(dir.resolve(file)).toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The last lines of the log that say something: blank lines and stack frames are left out, so
   * an exception's message and its causes remain.
   */
  String logTail(int lines, int maxChars) {
    List<String> kept = new ArrayList<>();
    for (String line : lastBytes(log()).split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("at ") && !t.matches("\\.\\.\\. \\d+ more")) {
        kept.add(t);
      }
    }
    String tail = String.join(" | ", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    return tail.length() <= maxChars ? tail : "…" + tail.substring(tail.length() - maxChars + 1);
  }

  private static String lastBytes(Path file) {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      long from = Math.max(0, size - TAIL_BYTES);
      channel.position(from);
      ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // reads until the buffer is full or the file ends
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      return from == 0 ? text : text.substring(Math.min(text.length(), text.indexOf('\n') + 1));
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  private <T> Optional<T> read(String file, Class<T> type) {
    try {
      return Optional.of(JSON.readValue(dir.resolve(file).toFile(), type));
    } catch (java.io.FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (!Files.exists(dir.resolve(file))) {
        return Optional.empty();
      }
      throw new UncheckedIOException("unreadable " + dir.resolve(file), e);
    }
  }

  private void writeJson(String file, Object value) {
    try {
      write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Atomically, so that a reader (or a restarted operator) never sees half a file. */
  private void write(String file, String content) {
    try {
      Path temp = Files.createTempFile(dir, "." + file, ".tmp");
      try {
        Files.writeString(temp, content);
        Files.move(temp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
    }
  }
}
