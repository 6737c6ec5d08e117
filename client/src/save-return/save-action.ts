/** The name of the button that saves a question page to come back later (its value is `save`). */
export const saveActionName = '_action';
