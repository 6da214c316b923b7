# Password reset by a signed link sent to the account's email address.
class PasswordResetsController < ApplicationController
  def create
    account = Account.find_by(email: params[:email])
    if account
      token = account.signed_id(purpose: :password_reset, expires_in: 20.minutes)
      AccountMailer.password_reset(account, token).deliver_later
    end
    Rails.logger.info("Password reset requested for #{params[:email]}")
    redirect_to new_session_path, notice: "If the address exists, a link is on its way"
  end

  def update
    account = Account.find_signed!(params[:token], purpose: :password_reset)
    account.update!(password: params[:password], password_confirmation: params[:password_confirmation])
    redirect_to new_session_path
  end
end
