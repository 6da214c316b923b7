package net.bestcert.member.ui.certification

import android.graphics.Bitmap
import android.os.Bundle
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.appcompat.app.AppCompatActivity
import net.bestcert.member.R
import net.bestcert.member.databinding.ActivityCertificationBinding
import net.bestcert.member.util.IdCards

/**
 * Real-name authentication by face recognition: the member types the real name
 * and ID card number, then takes a photo of the face.
 */
class CertificationActivity : AppCompatActivity() {
    private lateinit var binding: ActivityCertificationBinding
    private val viewModel: CertificationViewModel by viewModels()
    private var faceImage: Bitmap? = null

    private val takeFacePhoto = registerForActivityResult(ActivityResultContracts.TakePicturePreview()) { bitmap ->
        faceImage = bitmap
        binding.facePreview.setImageBitmap(bitmap)
        binding.submitButton.isEnabled = bitmap != null
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        binding = ActivityCertificationBinding.inflate(layoutInflater)
        setContentView(binding.root)
        binding.realNameInput.setText(viewModel.draftName())

        binding.captureButton.setOnClickListener {
            viewModel.keepDraft(realName(), idNumber())
            takeFacePhoto.launch(null)
        }
        binding.submitButton.setOnClickListener {
            val idNumber = idNumber()
            if (!IdCards.isWellFormed(idNumber)) {
                binding.idNumberLayout.error = getString(R.string.id_number_invalid)
                return@setOnClickListener
            }
            faceImage?.let { viewModel.submit(realName(), idNumber, it) }
        }
        viewModel.status.observe(this) { status -> binding.statusText.text = status }
    }

    private fun realName(): String = binding.realNameInput.text.toString().trim()

    private fun idNumber(): String = binding.idNumberInput.text.toString().trim().uppercase()
}
