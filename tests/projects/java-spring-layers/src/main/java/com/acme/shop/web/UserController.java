package com.acme.shop.web;

import com.acme.shop.service.UserService;
import com.acme.shop.util.LogUtil;
import com.acme.shop.util.MaskUtil;
import com.acme.shop.util.RequestUtil;
import com.acme.shop.web.dto.SignupRequest;
import javax.servlet.http.HttpServletRequest;
import javax.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
public class UserController {
    private final UserService userService;

    public UserController(UserService userService) {
        this.userService = userService;
    }

    @PostMapping("/signup")
    public ResponseEntity<Long> signup(@Valid @RequestBody SignupRequest request, HttpServletRequest http) {  // expect: collected user.contact.email; collected user.authorization.password; collected user.name; collected user.contact.phone_number -- every personal field of `SignupRequest` (declared in another file), at the parameter
        String ip = RequestUtil.getClientIp(http);
        Long id = userService.register(request, ip);  // expect: shared user.contact.email -> mail-server; shared user.contact.email -> segment; shared user.contact.email -> sentry; shared user.contact.phone_number -> twilio; stored user.contact.email; stored user.contact.phone_number; stored user.device.ip_address
        LogUtil.audit("signup", MaskUtil.maskMobile(request.getMobile()));
        LogUtil.audit("signup.done", id);
        return ResponseEntity.ok(id);
    }

    @PostMapping("/login")
    public ResponseEntity<Long> login(@RequestParam("email") String email, @RequestParam("password") String password, // expect: collected user.contact.email; collected user.authorization.password
                                      HttpServletRequest http) {
        Long id = userService.authenticate(email, password);
        LogUtil.audit("login", RequestUtil.origin(http));  // expect: logged user.device.ip_address
        LogUtil.audit("login.request", RequestUtil.requestId(http));
        return ResponseEntity.ok(id);
    }
}
