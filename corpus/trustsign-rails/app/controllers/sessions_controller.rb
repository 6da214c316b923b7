# Sign-in and sign-out.
class SessionsController < ApplicationController
  def new; end

  def create
    account = Account.find_by(email: params[:email])
    if account&.authenticate(params[:password])
      session[:account_id] = account.id
      LoginEvent.create!(account: account, ip_address: request.remote_ip, user_agent: request.user_agent)
      redirect_to root_path
    else
      # Failures are counted per address digest; the address itself is not kept.
      Rails.logger.warn("Failed sign-in for #{Digest::SHA256.hexdigest(params[:email].to_s)}")
      redirect_to new_session_path, alert: "Invalid email or password"
    end
  end

  def destroy
    reset_session
    redirect_to root_path
  end
end
