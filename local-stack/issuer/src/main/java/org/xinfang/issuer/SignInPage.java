package org.xinfang.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The Chinese sign-in page the console's people see: a plain form posted to Spring Security's form login, with its
 * CSRF token. It works without JavaScript, every field has a label, and a failed attempt says so next to the form.
 */
@Controller
class SignInPage {

    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
                   font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
                   background: #eef2f7; color: #1f2937; }
            main { width: min(92vw, 380px); background: #fff; border-radius: 10px; padding: 28px 24px;
                   box-shadow: 0 4px 18px rgba(15, 23, 42, .12); }
            h1 { font-size: 22px; margin: 0 0 4px; }
            p.lead { margin: 0 0 20px; color: #4b5563; font-size: 14px; }
            label { display: block; font-size: 15px; margin: 14px 0 6px; font-weight: 600; }
            input { width: 100%; font-size: 16px; padding: 10px 12px; border: 1px solid #6b7280; border-radius: 6px; }
            input:focus, button:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
            button { margin-top: 22px; width: 100%; font-size: 16px; padding: 11px; border: 0; border-radius: 6px;
                     background: #1d4ed8; color: #fff; cursor: pointer; }
            .error { margin: 0 0 8px; padding: 10px 12px; border-radius: 6px; background: #fef2f2; color: #991b1b;
                     border: 1px solid #fca5a5; font-size: 14px; }
            .note { margin-top: 18px; font-size: 13px; color: #4b5563; }
            """;

    @GetMapping("/login")
    ResponseEntity<String> page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean signedOut = request.getParameter("logout") != null;
        String html = """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · 学校信访工作平台</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                <h1>学校信访工作平台</h1>
                <p class="lead">请使用本人账号登录</p>
                %s
                <form method="post" action="/login">
                <label for="username">账号</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">登录</button>
                </form>
                <p class="note">本地演示环境：演示账号见 demo-users.yml，切勿用于正式环境。</p>
                </main>
                </body>
                </html>
                """.formatted(STYLE, notice(failed, signedOut), HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    private static String notice(boolean failed, boolean signedOut) {
        if (failed) {
            return "<p class=\"error\" role=\"alert\">账号或密码不正确，请重新输入。</p>";
        }
        if (signedOut) {
            return "<p class=\"note\" role=\"status\">已退出登录。</p>";
        }
        return "";
    }
}
