package net.bestcert.member.ui.profile

import android.os.Bundle
import android.util.Patterns
import androidx.activity.viewModels
import androidx.appcompat.app.AppCompatActivity
import net.bestcert.member.R
import net.bestcert.member.databinding.ActivityContactBinding

/** The console contact of the account (privacy statement 2.1.3): email, mobile, position. */
class ContactActivity : AppCompatActivity() {
    private lateinit var binding: ActivityContactBinding
    private val viewModel: ContactViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        binding = ActivityContactBinding.inflate(layoutInflater)
        setContentView(binding.root)

        binding.saveButton.setOnClickListener {
            val email = binding.emailInput.text.toString().trim()
            if (!Patterns.EMAIL_ADDRESS.matcher(email).matches()) {
                binding.emailLayout.error = getString(R.string.email_invalid)
                return@setOnClickListener
            }
            val contactPhone = binding.contactPhoneInput.text.toString().trim()
            val jobTitle = binding.jobTitleInput.text.toString().trim()
            viewModel.save(email, contactPhone, jobTitle)
        }
        viewModel.saved.observe(this) { binding.saveButton.isEnabled = !it }
    }
}
