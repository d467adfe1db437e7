package io.backforge.activities.git;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit without the machine's git configuration: no system, user or JGit config file is read. So a
 * push never runs the {@code git} executable (JGit would, to find the system config), and nothing
 * in the worker's home ({@code insteadOf} rewrites, credential helpers, proxies) changes where or
 * how it pushes.
 */
final class IsolatedSystemReader extends SystemReader.Delegate {

  private static volatile boolean installed;

  private IsolatedSystemReader(SystemReader delegate) {
    super(delegate);
  }

  /** Makes JGit in this process read no configuration file; installing twice changes nothing. */
  static synchronized void install() {
    if (!installed) {
      SystemReader.setInstance(new IsolatedSystemReader(SystemReader.getInstance()));
      installed = true;
    }
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  @Override
  public FileBasedConfig openUserConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return new EmptyConfig(parent, fs);
  }

  /** A configuration with no file behind it. */
  private static final class EmptyConfig extends FileBasedConfig {

    EmptyConfig(Config parent, FS fs) {
      super(parent, (File) null, fs);
    }

    @Override
    public void load() {
      // Nothing to read.
    }

    @Override
    public void save() {
      // Nothing to write.
    }

    @Override
    public boolean isOutdated() {
      return false;
    }
  }
}
