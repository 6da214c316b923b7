package net.bestcert.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Certificate product search of the console. */
@RestController
@RequestMapping("/api/search")
public class SearchController {

    /** Lists recent searches under the search box. */
    private static final String RECENT_SEARCH_COOKIE = "BC_RECENT_SEARCH";

    private final JdbcTemplate jdbcTemplate;
    private final StringRedisTemplate redisTemplate;

    public SearchController(JdbcTemplate jdbcTemplate, StringRedisTemplate redisTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.redisTemplate = redisTemplate;
    }

    @GetMapping("/products")
    public ResponseEntity<?> searchProducts(@RequestParam String searchQuery,
                                            @RequestHeader(value = "X-Member-Id", required = false) Long memberId,
                                            HttpServletResponse response) {
        List<Map<String, Object>> products = jdbcTemplate.queryForList(
                "SELECT sku, name, brand, validation_type, price FROM product WHERE on_sale = 1 AND name LIKE ?",
                "%" + searchQuery + "%");

        Cookie recent = new Cookie(RECENT_SEARCH_COOKIE, searchQuery);
        recent.setMaxAge(30 * 24 * 60 * 60);
        recent.setHttpOnly(true);
        recent.setSecure(true);
        response.addCookie(recent);

        if (memberId != null) {
            // Product suggestions on the console's home page.
            redisTemplate.opsForValue().set("search:last:" + memberId, searchQuery, 365, TimeUnit.DAYS);
        }
        return ResponseEntity.ok(products);
    }
}
