# A new password set through a signed reset link.
class PasswordResetsController < ApplicationController
  def update
    user = User.find_signed!(params[:token], purpose: :password_reset)
    # The model keeps the password only as a digest (`has_secure_password`).
    user.update!(password: params[:password], password_confirmation: params[:password_confirmation]) # expect: collected user.authorization.password
  end
end
