# Account emails: welcome and password reset.
class AccountMailer < ApplicationMailer
  def welcome
    @account = params[:account]
    mail(to: @account.email, subject: "Welcome to TrustSign")
  end

  def password_reset(account, token)
    @token = token
    mail(to: account.email, subject: "Reset your TrustSign password")
  end
end
