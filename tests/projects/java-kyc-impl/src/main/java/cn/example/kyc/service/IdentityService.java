package cn.example.kyc.service;

public interface IdentityService {
    String verify(Long userId, String realName, String idCard, String mobile);

    String status(Long userId);
}
