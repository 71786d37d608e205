# Hard cases for cue lexicons: a weak candidate who talks in STAR words, numbers and buzzwords with nothing
# behind them, and a strong candidate who speaks plainly, with few numbers and few "I did X" cue phrases.
INTERVIEWS = [
("en23", "en", "management_trainee", "weak", 1.5, 2.5, "heldout", [
("self_intro", "communication", "Tell me about yourself.",
 """So I graduated in 2024 from the BSc Management, I took MGT 201, MKT 305 and FIN 110, and I had a 3.4 GPA. I was born in 2002, I've lived in four cities, and I speak two languages. I'm results-driven, data-driven and customer-centric, and I've done a 30-hour online course in project management.""", 1),
("behavioural", "leadership", "Tell me about a time you led a team.",
 """Okay so using the STAR method. The situation was a group project in my second year, in 2023, module BUS 240. The task was to deliver a presentation. The action was that I took the lead and we collaborated and leveraged everyone's strengths to drive alignment. The result was that we delivered it and it was a success, and I learned that leadership is about communication and synergy.""", 1),
("behavioural", "problem_solving", "Tell me about a problem you solved.",
 """Um, the situation was there was a problem with the schedule, the task was to solve it, and my action was to think outside the box and take ownership, and the result was a 100 percent positive outcome. I'm very solution-oriented, so I always find a way, 24/7 basically.""", 1),
("situational", "judgement", "Your store manager asks you to cut staff hours by 10% this month. What would you do?",
 """I would analyse the data and optimise the rota to maximise efficiency and leverage best practices, and then I'd implement it in an agile way and measure the KPIs going forward.""", 1),
("motivation", "motivation", "Why this company?",
 """Your company is a market leader with 50,000 employees in 20 countries, founded in 1985, with revenue of 12 billion, and I want to grow with a big brand like that.""", 2),
]),
("en24", "en", "nurse", "strong", 4.5, 4.5, "tune", [
("self_intro", "communication", "Tell me about yourself.",
 """I'm a ward nurse on an older people's medical ward. Most of my patients are frail, often confused, often on a lot of medicines, and a lot of the job is noticing small changes early and getting families involved in discharge. I'm applying for the discharge coordinator post because that's the part of the work I've ended up doing most and enjoy most.""", 5),
("behavioural", "patient_safety", "Tell me about a time you noticed a patient deteriorating.",
 """A lady who was usually chatty was quiet and sleepy at the start of my shift. Her observations were only slightly off, so nobody had flagged her. I knew her well, so I rechecked her, found she was a bit warm and hadn't passed urine since the night before, and asked the doctor to see her rather than waiting for the ward round. It was an early sepsis from a urine infection. She was on antibiotics within the hour and was back to herself in a few days. Since then I tell students to chart what's normal for the person, not just the numbers.""", 5),
("behavioural", "teamwork", "Tell me about a disagreement with a doctor.",
 """A junior doctor wanted to discharge a man home alone the same afternoon. I didn't think he could manage stairs yet, so I asked the physio to assess him before he left, and showed the doctor what the physio found. We agreed to keep him one more night and arrange a care package. He went home safely two days later.""", 5),
("situational", "patient_care", "A family is angry that their father is being discharged before they feel ready. What do you do?",
 """Sit down with them somewhere quiet and find out what worries them most. Often it's something practical, like who will help him wash or whether the medicines are sorted. Then I'd check whether those things are in place, fix what isn't, and if they genuinely aren't, raise it with the team and delay. I'd also give them a number to call after he's home.""", 5),
("technical", "technical", "How do you make sure a discharge is safe?",
 """Medicines reconciled and explained, with the patient or family able to say back what each one is for. Follow-up booked. Equipment and care in place before the day, not on it. And the GP letter sent the same day.""", 4),
]),
]
