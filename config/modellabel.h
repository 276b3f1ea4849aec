/*
** modellabel.h: the model labels of a measurements table ("Llama 3.1 70B
** FP8", "LLaMA v3 70B", "meta-llama/Llama-3.1-8B-Instruct", "Llama3.1-8B")
** read as model presets (llama3.1-70b, llama3-70b, llama3.1-8b): the
** labels the TensorRT-LLM tables and the checkpoints' repositories give the
** models this repository has presets for (the table model_labels in
** modellabel.c, with its sources), matched in any case and ASCII
** punctuation.  Reads only its argument; no state.
*/
#ifndef RL_MODELLABEL_H
#define RL_MODELLABEL_H

/* The model preset a table's model label names, or NULL when none (the
** row then names its model as given: an unknown model, not modelled).
** The label is read as words (ASCII letters, digits and '.', any case; a
** blank or other punctuation parts them; an organisation before the last
** '/' dropped: "meta-llama/"), its last words dropped while they are a
** checkpoint's kind or quantisation ("Instruct", "chat", "hf", "FP8",
** "FP4", "NVFP4", "BF16", "FP16": the precision column says the
** precision), and the rest, joined (two numbers kept apart: a word
** ending in a digit and the next beginning with one), compared with the
** labels of model_labels read the same way: "Llama-3.1-70B-Instruct-FP8"
** and "LLAMA3.1-70B" both name llama3.1-70b; "Mixtral-8x22B-Instruct-v0.1",
** "DeepSeek-R1-0528" and "Llama 270B" (not "Llama 2 70B") name none, nor
** does a kind of checkpoint that is another shape than its base's
** ("Mixtral-8x22B-Instruct", FP8 or not: another vocabulary; modellabel.c's
** other_shapes). */
const char *modellabel_preset(const char *label);

#endif
