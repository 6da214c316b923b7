# The sign-up form: its fields go to a service, which stores, mails and
# texts them.
class SignupsController < ApplicationController
  def create
    # What the service stores, logs and texts of the form is reported here,
    # where it leaves this file; the password is stored only as a digest
    # (`has_secure_password`).
    account = SignupService.new.register(signup_params) # expect: stored user.contact.email; stored user.contact.phone_number; logged user.contact.email; shared user.contact.phone_number -> unknown:sms.gateway.example
    AuditLog.record("signup", request.remote_ip) # expect: collected user.device.ip_address; logged user.device.ip_address
    redirect_to account_path(account)
  end

  private

  def signup_params
    params.require(:user).permit(:email, :phone, :password) # expect: collected user.contact.email; collected user.contact.phone_number; collected user.authorization.password
  end
end
