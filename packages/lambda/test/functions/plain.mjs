// An unchanged function, traced only through the register.
export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });
