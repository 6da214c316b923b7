# Every portal request: the signed-in account, the visitor cookie that counts
# unique visitors, and the error tracker's user context.
class ApplicationController < ActionController::Base
  before_action :assign_visitor_id
  before_action :set_error_context
  after_action :record_page_view

  private

  def current_account
    @current_account ||= Account.find_by(id: session[:account_id])
  end

  # Counts unique visitors (policy section 2): a random id and nothing else.
  def assign_visitor_id
    return if cookies[:ts_vid].present?

    cookies.permanent[:ts_vid] = SecureRandom.uuid
  end

  def set_error_context
    return unless current_account

    Sentry.set_user(id: current_account.id, email: current_account.email, ip_address: request.remote_ip)
  end

  def record_page_view
    UsageRecorder.page_view(current_account, request)
  end
end
