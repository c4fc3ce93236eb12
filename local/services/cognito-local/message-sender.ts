// Delivers cognito-local's emails and SMS (confirmation codes, temporary passwords) to the log.
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender';
import type { Message } from 'cognito-local/lib/services/messages';
import type { User } from 'cognito-local/lib/services/userPoolService';

export class LogMessageSender implements MessageSender {
  constructor(private readonly log: (line: string) => void) {}

  sendEmail(_ctx: unknown, user: User, destination: string, message: Message): Promise<void> {
    this.log(`cognito-local email to ${destination} (user ${user.Username}): code ${message.__code ?? '(none)'}`);
    return Promise.resolve();
  }

  sendSms(_ctx: unknown, user: User, destination: string, message: Message): Promise<void> {
    this.log(`cognito-local SMS to ${destination} (user ${user.Username}): code ${message.__code ?? '(none)'}`);
    return Promise.resolve();
  }
}
