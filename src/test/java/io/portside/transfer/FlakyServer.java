package io.portside.transfer;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A misbehaving server for tests: Apache FtpServer on 127.0.0.1 whose files break off after
 * {@code dropAfter} bytes the first time each is read or written, as when a data connection is
 * reset mid-file. The server then closes the data connection and replies 426.
 */
public final class FlakyServer implements AutoCloseable {
    public static final String USER = "flaky";
    public static final String PASSWORD = "secret";
    private final FtpServer server;
    public final int port;
    public final AtomicInteger drops = new AtomicInteger();

    public FlakyServer(Path root, long dropAfter) throws Exception {
        Set<String> broken = ConcurrentHashMap.newKeySet();
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        data.setPassivePorts("0");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        FileSystemFactory nativeFs = new NativeFileSystemFactory();
        factory.setFileSystem(user -> wrapView(nativeFs.createFileSystemView(user), broken, dropAfter));
        BaseUser account = new BaseUser();
        account.setName(USER);
        account.setPassword(PASSWORD);
        account.setHomeDirectory(root.toString());
        account.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
        factory.getUserManager().save(account);
        server = factory.createServer();
        server.start();
        port = ((org.apache.ftpserver.impl.DefaultFtpServer) server).getListener("default").getPort();
    }

    private FileSystemView wrapView(FileSystemView view, Set<String> broken, long dropAfter) {
        return proxy(FileSystemView.class, view, (m, r) ->
                r instanceof FtpFile f ? wrapFile(f, broken, dropAfter) : r);
    }

    private FtpFile wrapFile(FtpFile file, Set<String> broken, long dropAfter) {
        return proxy(FtpFile.class, file, (m, r) -> {
            boolean first = r != null && broken.add(m.getName() + file.getAbsolutePath());
            if (r instanceof InputStream in && first) {
                return new FilterInputStream(in) {
                    long n;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (n >= dropAfter) {
                            drops.incrementAndGet();
                            throw new SocketException("Connection reset (test: dropped mid-file)");
                        }
                        int got = super.read(b, off, (int) Math.min(len, dropAfter - n));
                        n += Math.max(got, 0);
                        return got;
                    }
                };
            }
            if (r instanceof OutputStream out && first) {
                return new FilterOutputStream(out) {
                    long n;
                    boolean dropped;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        int fits = (int) Math.max(0, Math.min(len, dropAfter - n));
                        out.write(b, off, fits);
                        n += fits;
                        if (fits < len) {
                            if (!dropped) {
                                drops.incrementAndGet();
                                dropped = true;
                            }
                            out.flush();
                            throw new SocketException("Connection reset (test: dropped mid-file)");
                        }
                    }
                };
            }
            if (r instanceof List<?> list) {
                return list.stream().map(o -> o instanceof FtpFile f ? wrapFile(f, broken, dropAfter) : o).toList();
            }
            return r instanceof FtpFile f ? wrapFile(f, broken, dropAfter) : r;
        });
    }

    interface After {
        Object apply(java.lang.reflect.Method m, Object result) throws Exception;
    }

    /** Forwards to the real object; unwraps proxied arguments, since the server casts them (RNTO does). */
    private record Forward(Object target, After after) implements InvocationHandler {
        @Override
        public Object invoke(Object p, java.lang.reflect.Method m, Object[] args) throws Throwable {
            Object[] real = args == null ? null : args.clone();
            for (int i = 0; real != null && i < real.length; i++) {
                if (real[i] != null && Proxy.isProxyClass(real[i].getClass())
                        && Proxy.getInvocationHandler(real[i]) instanceof Forward f) {
                    real[i] = f.target();
                }
            }
            try {
                return after.apply(m, m.invoke(target, real));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        return (T) Proxy.newProxyInstance(FlakyServer.class.getClassLoader(), new Class<?>[] {type},
                new Forward(target, after));
    }

    @Override
    public void close() {
        server.stop();
    }
}
