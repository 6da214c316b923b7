package cn.example.kyc.controller;

import cn.example.kyc.service.IdentityService;
import javax.annotation.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Real-name verification (实名认证) for new merchants. */
@RestController
@RequestMapping("/kyc")
public class KycController {
    @Resource
    private IdentityService identityService;

    @PostMapping("/verify")
    public String verify(@RequestParam("userId") Long userId,
                         @RequestParam("realName") String realName, // expect: collected user.name
                         @RequestParam("idCard") String idCard, // expect: collected user.government_id.national_identification_number
                         @RequestParam("mobile") String mobile) { // expect: collected user.contact.phone_number
        return identityService.verify(userId, realName, idCard, mobile);  // expect: shared user.contact.phone_number -> tencent-cloud-sms; shared user.government_id.national_identification_number -> alipay; shared user.name -> alipay; stored user.contact.phone_number; stored user.government_id.national_identification_number; stored user.name
    }

    @GetMapping("/status/{userId}")
    public String status(@PathVariable("userId") Long userId) {
        return identityService.status(userId);
    }
}
