package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.metasync.common.CallHeaders;
import io.metasync.common.MetasyncException;
import io.metasync.master.security.AuditLog;
import io.metasync.master.security.Caller;
import io.metasync.master.security.CallerResolver;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Authenticates every call from its headers before it reaches the service, and hands the {@link
 * Caller} to it through the gRPC context. A call that cannot be authenticated is refused here, and
 * audited.
 */
public final class CallerInterceptor implements ServerInterceptor {
  static final Context.Key<Caller> CALLER = Context.key("metasync-caller");

  private static final Metadata.Key<String> USER =
      Metadata.Key.of(CallHeaders.USER, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> REAL_USER =
      Metadata.Key.of(CallHeaders.REAL_USER, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> TOKEN =
      Metadata.Key.of(CallHeaders.TOKEN, Metadata.ASCII_STRING_MARSHALLER);

  private final CallerResolver resolver;

  public CallerInterceptor(CallerResolver resolver) {
    this.resolver = requireNonNull(resolver, "resolver is null");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String address = address(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    Caller caller;
    try {
      caller =
          resolver.resolve(
              new CallerResolver.Claim(
                  headers.get(USER),
                  headers.get(REAL_USER),
                  headers.get(TOKEN),
                  certificateUser(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)),
                  address));
    } catch (MetasyncException e) {
      AuditLog.record(
          null,
          address,
          call.getMethodDescriptor().getBareMethodName(),
          "null",
          "null",
          e.code().name());
      call.close(RpcErrors.toStatus(e).getStatus(), RpcErrors.fromMaster());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
  }

  /** The caller of the call running on this thread (or the one that captured its context). */
  static Caller current() {
    Caller caller = CALLER.get();
    if (caller == null) {
      throw new IllegalStateException("no caller: the service runs without its CallerInterceptor");
    }
    return caller;
  }

  /** The CN of the client's TLS certificate, when it presented one; else null. */
  private static String certificateUser(SSLSession session) {
    if (session == null) {
      return null;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
        return null;
      }
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return String.valueOf(rdn.getValue());
        }
      }
      return null;
    } catch (SSLPeerUnverifiedException | InvalidNameException e) {
      return null; // no client certificate
    }
  }

  private static String address(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }
}
