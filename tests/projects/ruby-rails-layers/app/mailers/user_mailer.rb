class UserMailer < ApplicationMailer
  def welcome(user)
    @user = user
    mail(to: user.email, subject: "Welcome") # expect: shared user.contact.email -> mail-server
  end
end
