package net.bestcert.member

import android.content.Context
import io.mockk.coEvery
import io.mockk.coVerify
import io.mockk.every
import io.mockk.mockk
import kotlinx.coroutines.test.runTest
import net.bestcert.member.data.MemberRepository
import net.bestcert.member.data.api.ApiResult
import net.bestcert.member.data.api.MemberApi
import net.bestcert.member.data.api.SessionDto
import net.bestcert.member.data.db.LoginRecordDao
import net.bestcert.member.data.prefs.SessionStore
import net.bestcert.member.device.DeviceInfoCollector
import net.bestcert.member.device.DeviceSnapshot
import net.bestcert.member.device.GeoPoint
import org.junit.Test

class MemberRepositoryTest {
    private val api = mockk<MemberApi>()
    private val session = mockk<SessionStore>(relaxed = true)
    private val dao = mockk<LoginRecordDao>(relaxed = true)
    private val device = mockk<DeviceInfoCollector>(relaxed = true)

    @Test
    fun loginKeepsTheNumberAndARecord() = runTest {
        val phone = "13800138000"
        every { device.snapshot() } returns DeviceSnapshot("Xiaomi 14", "Android 14", "9774d56d682e549c", null)
        coEvery { api.login(any()) } returns ApiResult(0, "ok", SessionDto(42L, "t0k3n", 3600))
        val repository = MemberRepository(mockk<Context>(relaxed = true), api, session, dao, device)

        val result = repository.login(phone, "Secret#2024", GeoPoint(24.4798, 118.0894))

        println("logged in $phone as ${result.memberId}")
        coVerify { session.rememberLogin(42L, phone) }
        coVerify { dao.insert(any()) }
    }
}
