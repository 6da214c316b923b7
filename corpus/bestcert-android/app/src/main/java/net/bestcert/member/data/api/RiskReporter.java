package net.bestcert.member.data.api;

import android.content.Context;
import android.net.wifi.WifiManager;
import android.text.format.Formatter;
import android.util.Log;

import org.json.JSONException;
import org.json.JSONObject;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Reports each login attempt with the device's identifiers, network address and
 * position to BestCert's risk engine (privacy statement 2.3.4).
 */
public final class RiskReporter {
    private static final String TAG = "RiskReporter";
    private static final String ENDPOINT = "https://risk.bestcert.net/v1/device-events";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http = new OkHttpClient();
    private final Context context;

    public RiskReporter(Context context) {
        this.context = context.getApplicationContext();
    }

    public void reportLogin(long memberId, String androidId, String imei, String advertisingId,
            Double latitude, Double longitude)
            throws IOException, JSONException {
        WifiManager wifi = (WifiManager) context.getSystemService(Context.WIFI_SERVICE);
        String ipAddress = Formatter.formatIpAddress(wifi.getConnectionInfo().getIpAddress());

        JSONObject event = new JSONObject();
        event.put("memberId", memberId);
        event.put("androidId", androidId);
        event.put("imei", imei);
        event.put("advertisingId", advertisingId);
        event.put("ipAddress", ipAddress);
        event.put("latitude", latitude);
        event.put("longitude", longitude);

        Request request = new Request.Builder()
                .url(ENDPOINT)
                .post(RequestBody.create(event.toString(), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                Log.w(TAG, "risk event rejected with HTTP " + response.code() + " for member " + memberId);
            }
        }
    }
}
