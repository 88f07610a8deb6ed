package fr.cite.devstack;

import java.util.concurrent.TimeUnit;

/** Stopping a server started as a child process, with its own children. */
final class ChildProcess {

  private ChildProcess() {}

  /** Asks politely (SIGTERM, a graceful shutdown), then forces after 30 s. */
  static void stop(Process process) throws InterruptedException {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }
}
