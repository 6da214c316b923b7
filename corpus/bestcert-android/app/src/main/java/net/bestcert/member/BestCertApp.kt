package net.bestcert.member

import android.app.Application
import cn.jpush.android.api.JPushInterface
import com.tencent.bugly.crashreport.CrashReport
import com.umeng.commonsdk.UMConfigure
import net.bestcert.member.device.DeviceInfoCollector
import timber.log.Timber

/** Process-wide setup: logging, crash reporting, push and analytics SDKs. */
class BestCertApp : Application() {
    lateinit var container: AppContainer
        private set

    override fun onCreate() {
        super.onCreate()
        if (BuildConfig.DEBUG) {
            Timber.plant(Timber.DebugTree())
        }
        container = AppContainer(this)

        val device = DeviceInfoCollector(this)
        val strategy = CrashReport.UserStrategy(this)
        strategy.appChannel = "official"
        CrashReport.initCrashReport(this, BuildConfig.BUGLY_APP_ID, BuildConfig.DEBUG, strategy)
        val androidId = device.androidId()
        CrashReport.setDeviceId(this, androidId)

        UMConfigure.init(this, BuildConfig.UMENG_APP_KEY, "official", UMConfigure.DEVICE_TYPE_PHONE, "")
        JPushInterface.init(this)
        Timber.i("BestCert %s started; support line %s", BuildConfig.VERSION_NAME, BuildConfig.SUPPORT_PHONE)
    }
}
