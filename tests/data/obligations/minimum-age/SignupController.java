import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class SignupController {
    @PostMapping("/signup")
    public String signup(@RequestParam String birthDate) {
        if (Ages.yearsSince(birthDate) < 14) {
            return "too young";
        }
        return "ok";
    }

    @PostMapping("/signup-unchecked")
    public String signupUnchecked(@RequestParam String birthDate) { // expect: minimum-age-not-checked
        return birthDate;
    }
}
