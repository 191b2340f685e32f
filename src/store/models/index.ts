export { Organisation } from './organisation';
export { Department } from './department';
export { ChatBinding } from './chat-binding';
export { Plan } from './plan';
export { Task } from './task';
export { Counter } from './counter';
export { StatusUpdate } from './status-update';
export { ReminderLog } from './reminder-log';
