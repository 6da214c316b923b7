package cn.example.kyc.integration;

import cn.hutool.http.HttpUtil;
import cn.hutool.json.JSONUtil;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tencent Cloud SMS through its HTTP API. */
@Component
public class SmsSender {
    private static final String HOST = "https://yun.tim.qq.com";
    private static final String SEND_URL = HOST + "/v5/tlssmssvr/sendsms";

    public String send(Map<String, Object> params) {
        return HttpUtil.post(SEND_URL, JSONUtil.toJsonStr(params));  // reported where callers pass their data in
    }
}
