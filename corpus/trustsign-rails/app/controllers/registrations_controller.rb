# Account creation (policy section 1: "when you create an account").
class RegistrationsController < ApplicationController
  def new
    @account = Account.new
  end

  def create
    @account = Account.new(account_params)
    if @account.save
      session[:account_id] = @account.id
      Rails.logger.info("New account #{@account.email} from #{request.remote_ip}")
      AccountMailer.with(account: @account).welcome.deliver_later
      LeadEnrichment.new.enrich(@account)
      redirect_to root_path
    else
      Rails.logger.warn("Signup rejected: #{@account.errors.count} errors")
      render :new, status: :unprocessable_entity
    end
  end

  private

  def account_params
    params.require(:account).permit(:email, :phone, :full_name, :company, :password, :password_confirmation)
  end
end
