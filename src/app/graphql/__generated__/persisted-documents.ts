/** sha256 of each operation in operations.json, by operation name (generated). */
export const persistedDocumentHashes: Readonly<Record<string, string>> = {
  ClaimTaskMutation: 'cebad227ce5d9a0b3e9018602684603190c7284f4e97df8caf204409f950a215',
  CompleteTaskMutation: 'aeb68816853e87d9da5871ea748d83bc0fbbaec046a6e93b747fdc716184e0aa',
  ProcessesRouteQuery: 'd1c6c9fa9daf8183280b25cfbbb0da3097d651226fad1341bbab350671ca9878',
  StartProcessFirstTaskQuery: 'b85e7ffdb2e743b5fffd058371c92230df4d24e2cd17c6af9539cc8dc1fe963c',
  StartProcessMutation: 'c0413fbcedb3e3bd6d4c80b045fe5b678152dfabfa7de3dff15816016a4e3816',
  TaskDetailsRouteQuery: '1d632feda833de79d2cd4e1d4478bbd8f9f6c2894c4e10c73ea8c45f29be34d1',
  TaskFilterProcessesQuery: 'af7cc72b78b178fdbe8c24dc96e2b0902304c75f7510556bf62c3f9783d80428',
  TaskFormQuery: 'c6c153a38030c997b33e1fdb01f8b6cf821e086c9eb920f42157ec3035880973',
  TaskFormVariablesQuery: '68700a4660fd01516c47165907ea53ee3f1bb0e98a48dd1009dc1cd92e640f62',
  TaskInboxRouteQuery: '680f986687a62160880fb71222cc16755899c9a79026a01443dc625f3e459f1f',
  UnclaimTaskMutation: '4691e7006a410cb13897b8cd4e6514e088303aa189fc2ad8f214838391fb9d11',
  VariableValueQuery: '8084e17aea7b6e403e4f268d25ed88b2efac50ffda0998add8655474c0d6806a',
};
