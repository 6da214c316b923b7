package com.acme.shop.web;

import org.springframework.beans.BeanUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

// `BeanUtils.copyProperties` copies the properties the target's class has,
// and no others: the member keeps the mobile number, not the password; the
// preferences take neither.
@RestController
public class MemberController {
    private final MemberMapper memberMapper;

    public MemberController(MemberMapper memberMapper) {
        this.memberMapper = memberMapper;
    }

    @PostMapping("/api/members")
    public void register(@RequestBody MemberParam param) { // expect: collected user.authorization.password; collected user.contact.phone_number
        Member member = new Member();
        BeanUtils.copyProperties(param, member);
        memberMapper.insert(member); // expect: stored user.contact.phone_number
        Preferences preferences = new Preferences();
        BeanUtils.copyProperties(param, preferences);
        memberMapper.insertPreferences(preferences);
    }
}

class MemberParam {
    private String mobile;
    private String password;
}

class Member {
    private String mobile;
    private String nickname;
}

class Preferences {
    private String theme;
}
