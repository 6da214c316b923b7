class ApplicationMailer < ActionMailer::Base
  default from: "TrustSign <no-reply@trustsign.example>"
  layout "mailer"
end
