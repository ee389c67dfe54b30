// The kernel every feature builds on: the database and the caller's access (Data), the module contract (Modules).
global using Zhifa.Core.Data;
global using Zhifa.Core.Modules;
