package net.bestcert.console;

import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.teaopenapi.models.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootApplication
public class ConsoleApplication {

    private static final String ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do";

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    AlipayClient alipayClient(@Value("${alipay.app-id}") String appId,
                              @Value("${alipay.private-key}") String privateKey,
                              @Value("${alipay.public-key}") String alipayPublicKey) {
        return new DefaultAlipayClient(ALIPAY_GATEWAY, appId, privateKey, "json", "UTF-8",
                alipayPublicKey, "RSA2");
    }

    @Bean
    Client smsClient(@Value("${aliyun.sms.access-key-id}") String accessKeyId,
                     @Value("${aliyun.sms.access-key-secret}") String accessKeySecret) throws Exception {
        Config config = new Config()
                .setAccessKeyId(accessKeyId)
                .setAccessKeySecret(accessKeySecret);
        config.endpoint = "dysmsapi.aliyuncs.com";
        return new Client(config);
    }
}
