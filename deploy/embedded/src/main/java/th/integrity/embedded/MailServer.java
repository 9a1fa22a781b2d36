package th.integrity.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in this JVM (GreenMail), for development and tests: the services send their notices to it as
 * to any relay. It accepts mail for every address without authentication, listens on the loopback address only, and
 * keeps what it received in memory ({@link #received()}); with a directory, it also writes each mail there as an
 * {@code .eml} file, which any mail program opens. Nothing it receives goes further.
 */
public final class MailServer implements AutoCloseable {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * One received mail, per recipient.
     *
     * @param file the {@code .eml} file it was written to; null when the server keeps mail in memory only
     */
    public record Mail(Instant at, String to, String from, String subject, String text, Path file) {
    }

    private final int port;
    private final Path directory;
    private final Consumer<Mail> listener;
    private final List<Mail> received = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private GreenMail greenMail;

    private MailServer(int port, Path directory, Consumer<Mail> listener) {
        this.port = Ports.orFree(port);
        this.directory = directory;
        this.listener = listener == null ? mail -> { } : listener;
        if (directory != null) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Mail kept in memory only: for tests. */
    public static MailServer start(int port) {
        return start(port, null, null);
    }

    /**
     * @param port      the SMTP port, or 0 for a free one
     * @param directory where each mail is written as an {@code .eml} file; null to keep mail in memory only
     * @param listener  told of each mail once it is stored (e.g. the launcher prints one line); may be null
     */
    public static MailServer start(int port, Path directory, Consumer<Mail> listener) {
        MailServer server = new MailServer(port, directory, listener);
        server.start();
        return server;
    }

    /** Starts SMTP again on the same port after {@link #stop()}; what was received before is kept. */
    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        // The loopback address only: it accepts anything from anyone, so nothing on the network may reach it.
        GreenMail server = new GreenMail(new ServerSetup(port, InetAddress.getLoopbackAddress().getHostAddress(),
                ServerSetup.PROTOCOL_SMTP)).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        // One mailbox for every recipient: GreenMail would otherwise create (and log, with a password equal to the
        // address) a user per recipient, and addresses belong in the mail, not in a log.
        GreenMailUser mailbox;
        try {
            mailbox = server.getUserManager().createUser("mailbox@localhost", "mailbox", "mailbox");
        } catch (UserException e) {
            server.stop();
            throw new IllegalStateException(e);
        }
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            record(message.getMessage(), recipient);
            return mailbox;
        });
        server.start();
        greenMail = server;
    }

    /** Stops listening (senders get connection errors) until {@link #start()}. For fault tests. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public int port() {
        return port;
    }

    /** The host senders use ({@code spring.mail.host}). */
    public String host() {
        return "localhost";
    }

    /** Every mail received so far, oldest first. */
    public synchronized List<Mail> received() {
        return List.copyOf(received);
    }

    /** Forgets what was received (the files stay). */
    public synchronized void clear() {
        received.clear();
    }

    /** The first mail matching {@code which} received within {@code timeout}, or null. */
    public Mail await(Predicate<Mail> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (Mail mail : received) {
                    if (which.test(mail)) {
                        return mail;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    /** Where the {@code .eml} files go; null when mail is kept in memory only. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        stop();
    }

    private void record(MimeMessage message, MailAddress recipient) throws MessagingException {
        Instant at = Instant.now();
        Path file = null;
        if (directory != null) {
            file = directory.resolve(FILE_TIME.format(at) + "-" + sequence.incrementAndGet() + "-"
                    + safe(recipient.getEmail()) + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            } catch (IOException e) {
                throw new MessagingException("Could not write " + file, e);
            }
        }
        String from = message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
        Mail mail = new Mail(at, recipient.getEmail(), from, message.getSubject(), text(message), file);
        synchronized (this) {
            received.add(mail);
            notifyAll();
        }
        listener.accept(mail);
    }

    /** The plain text of a message: its text parts, in order. */
    static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return part.isMimeType("text/*") ? text : "";
            }
            if (content instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    text.append(text(body));
                }
                return text.toString();
            }
            return "";
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    /** A recipient as part of a file name: letters, digits, '@', '.', '-' and '_' only. */
    private static String safe(String address) {
        String kept = address.replaceAll("[^A-Za-z0-9@._-]", "_");
        return kept.length() > 80 ? kept.substring(0, 80) : kept;
    }
}
