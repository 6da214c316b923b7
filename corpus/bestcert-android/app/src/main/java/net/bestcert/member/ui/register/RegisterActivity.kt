package net.bestcert.member.ui.register

import android.os.Bundle
import android.widget.Toast
import androidx.activity.viewModels
import androidx.appcompat.app.AppCompatActivity
import net.bestcert.member.R
import net.bestcert.member.databinding.ActivityRegisterBinding

/** Registration (privacy statement 2.1.1): member name, password, mainland mobile number. */
class RegisterActivity : AppCompatActivity() {
    private lateinit var binding: ActivityRegisterBinding
    private val viewModel: RegisterViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        binding = ActivityRegisterBinding.inflate(layoutInflater)
        setContentView(binding.root)

        binding.submitButton.setOnClickListener {
            val memberName = binding.memberNameInput.text.toString().trim()
            val mobile = binding.mobileInput.text.toString().trim()
            val password = binding.passwordInput.text.toString()
            val smsCode = binding.smsCodeInput.text.toString()
            if (password.length < MIN_PASSWORD_LENGTH) {
                binding.passwordLayout.error = getString(R.string.password_too_short, MIN_PASSWORD_LENGTH)
                return@setOnClickListener
            }
            viewModel.register(memberName, mobile, password, smsCode)
        }
        viewModel.registered.observe(this) { ok ->
            if (ok) finish() else Toast.makeText(this, R.string.register_failed, Toast.LENGTH_SHORT).show()
        }
    }

    private companion object {
        const val MIN_PASSWORD_LENGTH = 8
    }
}
