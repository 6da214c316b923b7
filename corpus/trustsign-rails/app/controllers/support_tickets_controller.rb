# Support requests (policy section 1: "questions or information you provide to
# obtain customer service support").
class SupportTicketsController < ApplicationController
  def new
    @ticket = SupportTicket.new
  end

  def create
    ticket = SupportTicket.new(ticket_params)
    ticket.account = current_account
    ticket.save!
    # 手机号只以脱敏形式写入日志 (the phone number is logged masked only)
    Rails.logger.info("Ticket #{ticket.id} opened, callback #{Masking.mask_phone(ticket.contact_phone)}")
    HelpdeskSync.new.push(ticket)
    redirect_to support_ticket_path(ticket), notice: "Ticket #{ticket.id} received"
  end

  def show
    @ticket = current_account.support_tickets.find(params[:id])
  end

  private

  def ticket_params
    params.require(:support_ticket).permit(:subject, :message, :contact_name, :contact_email, :contact_phone)
  end
end
