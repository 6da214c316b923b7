package net.bestcert.member.ui.login

import android.content.Intent
import android.os.Bundle
import android.widget.Toast
import androidx.activity.viewModels
import androidx.appcompat.app.AppCompatActivity
import net.bestcert.member.R
import net.bestcert.member.databinding.ActivityLoginBinding
import net.bestcert.member.device.LocationProvider
import net.bestcert.member.ui.certification.CertificationActivity
import net.bestcert.member.ui.register.RegisterActivity
import net.bestcert.member.util.Masking

/** Sign-in with the mobile number and a password, or an SMS code. */
class LoginActivity : AppCompatActivity() {
    private lateinit var binding: ActivityLoginBinding
    private lateinit var locationProvider: LocationProvider
    private val viewModel: LoginViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        binding = ActivityLoginBinding.inflate(layoutInflater)
        setContentView(binding.root)
        locationProvider = LocationProvider(this)

        binding.phoneInput.setText(viewModel.lastPhone())
        binding.sendCodeButton.setOnClickListener {
            viewModel.requestCode(phone())
        }
        binding.loginButton.setOnClickListener {
            val phone = phone()
            val password = binding.passwordInput.text.toString()
            locationProvider.current { point -> viewModel.login(phone, password, point) }
        }
        binding.registerLink.setOnClickListener {
            startActivity(Intent(this, RegisterActivity::class.java))
        }
        viewModel.state.observe(this) { state -> render(state) }
    }

    private fun phone(): String = binding.phoneInput.text.toString().trim()

    private fun render(state: LoginState) {
        when (state) {
            LoginState.Idle -> Unit
            LoginState.CodeSent -> {
                val masked = Masking.maskPhone(phone())
                binding.phoneHint.text = getString(R.string.code_sent_to, masked)
            }
            LoginState.SignedIn -> {
                startActivity(Intent(this, CertificationActivity::class.java))
                finish()
            }
            LoginState.Failed -> Toast.makeText(this, R.string.login_failed, Toast.LENGTH_SHORT).show()
        }
    }
}
