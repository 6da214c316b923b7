require "net/http"

# Texts people through the SMS gateway of a partner.
class SmsClient
  GATEWAY = "https://sms.gateway.example/v1/messages"

  def send_code(phone, code)
    Net::HTTP.post_form(URI(GATEWAY), "to" => phone, "text" => "Your code is #{code}") # expect: shared user.contact.phone_number -> unknown:sms.gateway.example
  end
end
