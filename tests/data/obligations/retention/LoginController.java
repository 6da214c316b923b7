import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class LoginController {
    private StringRedisTemplate redisTemplate;

    @PostMapping("/login")
    public void login(@RequestParam String email, HttpServletResponse response) {
        Cookie remember = new Cookie("remember_email", email); // expect: retention-exceeded
        remember.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(remember);
        Cookie login = new Cookie("login_email", email);
        login.setMaxAge(3600);
        response.addCookie(login);
        redisTemplate.opsForValue().set("email:" + email, email, 90, TimeUnit.DAYS); // expect: retention-exceeded
        redisTemplate.opsForValue().set("otp:" + email, email, Duration.ofMinutes(10));
        redisTemplate.opsForValue().set("day:" + email, email, Duration.ofMillis(86_400_000));
    }
}
