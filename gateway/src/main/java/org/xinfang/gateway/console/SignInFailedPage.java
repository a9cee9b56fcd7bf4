package org.xinfang.gateway.console;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What a person sees when signing in could not be finished after the issuer let them in: the issuer did not answer
 * the gateway in time, or refused the code (used twice, expired, the back button). A page in Chinese that says so
 * and offers to sign in again, rather than a bare error or a page that never loads. The reason goes to the log
 * without the person's name: the log names the error code only.
 *
 * <p>As a filter around the redirect back from the issuer it catches what Spring Security does not hand to a
 * failure handler: an issuer that timed out or closed the connection is an error, not an authentication failure.
 */
final class SignInFailedPage implements ServerAuthenticationFailureHandler, WebFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInFailedPage.class);

    /** Where the issuer sends the browser back with the code. */
    static final String CALLBACK = "/login/oauth2/code/";

    static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录未完成</title>
            <style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;
            display:flex;min-height:100vh;align-items:center;justify-content:center;background:#f5f7fa;color:#303133}
            main{background:#fff;padding:32px 28px;border-radius:8px;max-width:420px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
            h1{font-size:20px;margin:0 0 12px}p{line-height:1.7;margin:0 0 20px}
            a{display:inline-block;background:#409eff;color:#fff;padding:10px 20px;border-radius:4px;text-decoration:none}</style>
            </head><body><main data-test="sign-in-failed">
            <h1>登录未完成</h1>
            <p>账号和密码已验证，但系统暂时没有完成登录（身份服务未及时答复，或登录链接已使用过）。请重新登录；如果多次出现，请联系系统管理员。</p>
            <a data-test="sign-in-again" href="/oauth2/authorization/console">重新登录</a>
            </main></body></html>
            """;

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : failure.getClass().getSimpleName();
        log.warn("console sign-in not finished: {}", code);
        return write(exchange.getExchange());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(CALLBACK)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(failure -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(failure);
            }
            log.warn("console sign-in not finished: the issuer did not answer ({})", failure.getClass().getSimpleName());
            return write(exchange);
        });
    }

    private static Mono<Void> write(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl("no-store");
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
