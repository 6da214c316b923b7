require_relative "../clients/sms_client"

# Registers an account: the model keeps the password as a digest.
class SignupService
  def register(attrs)
    user = User.create!(attrs)
    UserMailer.welcome(user).deliver_later
    SmsClient.new.send_code(attrs[:phone], "1234")
    Rails.logger.info("registered #{attrs[:email]}")
    user
  end
end
