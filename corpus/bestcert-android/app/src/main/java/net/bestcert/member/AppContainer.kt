package net.bestcert.member

import android.content.Context
import androidx.room.Room
import net.bestcert.member.data.CertificationRepository
import net.bestcert.member.data.MemberRepository
import net.bestcert.member.data.api.ApiClient
import net.bestcert.member.data.api.MemberApi
import net.bestcert.member.data.db.MemberDatabase
import net.bestcert.member.data.prefs.SessionStore
import net.bestcert.member.device.DeviceInfoCollector
import net.bestcert.member.push.PushRegistrar

/** Hand-written dependency graph, one per process (held by [BestCertApp]). */
class AppContainer(context: Context) {
    private val appContext = context.applicationContext

    val sessionStore = SessionStore(appContext)
    val deviceInfo = DeviceInfoCollector(appContext)

    private val database: MemberDatabase =
        Room.databaseBuilder(appContext, MemberDatabase::class.java, "bestcert.db").build()

    val memberApi: MemberApi = ApiClient.create(deviceInfo, sessionStore)

    val memberRepository = MemberRepository(appContext, memberApi, sessionStore, database.loginRecordDao(), deviceInfo)
    val certificationRepository = CertificationRepository(appContext, memberApi, sessionStore)
    val pushRegistrar = PushRegistrar(appContext)
}
